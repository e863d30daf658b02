// A detail page: lookups by name, a nested connection, and the IAM-style analytics fields.
import { graphql } from 'react-relay';

export const query = graphql`
  query PolicyGrantsQuery($name: String!, $action: String!) {
    policy(name: $name) {
      id
      name
      effectiveActionCount
      actions(first: 50, order: { name: ASC }) {
        totalCount
        nodes {
          id
          name
        }
      }
    }
    action(name: $action, ignoreCase: true) {
      id
      name
      grantedByCount
      grantedBy(first: 10) {
        edges {
          via
          node {
            id
            name
          }
        }
      }
    }
  }
`;
