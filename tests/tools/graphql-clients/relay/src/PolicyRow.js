// One row of the list: a Node fragment Relay can refetch on its own through `node(id:)`.
import { graphql } from 'react-relay';

export const fragment = graphql`
  fragment PolicyRow_policy on Policy @refetchable(queryName: "PolicyRowRefetchQuery") {
    id
    name
    arn
    awsManaged
    actionCount
    services(first: 5, order: [{ policyCount: DESC }, { name: ASC }]) {
      nodes {
        id
        name
      }
    }
  }
`;
