// Filters and sorts as copied from a HotChocolate backend: ids the client holds, the negated comparisons, a related object's field.
import { graphql } from 'react-relay';

export const query = graphql`
  query ActionSearchQuery($ids: [ID], $atMost: Int, $after: String) {
    actions(
      first: 20
      after: $after
      where: { or: [{ id: { in: $ids } }, { policyCount: { ngt: $atMost, nlt: 1 } }] }
      order: [{ service: { name: ASC } }, { policyCount: DESC, name: ASC }]
    ) {
      edges {
        cursor
        node {
          id
          name
          isWildcard
          service {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
