// A paginated, filterable policy list as a Relay app writes it: @connection over `policies`, refetched with new arguments.
import { graphql } from 'react-relay';

export const query = graphql`
  query PolicyListQuery($first: Int!, $after: String, $where: PolicyFilterInput, $order: [PolicySortInput!]) {
    ...PolicyList_query @arguments(first: $first, after: $after, where: $where, order: $order)
  }
`;

export const fragment = graphql`
  fragment PolicyList_query on Query
  @refetchable(queryName: "PolicyListPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int!" }
    after: { type: "String" }
    where: { type: "PolicyFilterInput" }
    order: { type: "[PolicySortInput!]" }
  ) {
    policies(first: $first, after: $after, where: $where, order: $order)
      @connection(key: "PolicyList_policies", filters: ["where", "order"]) {
      totalCount
      edges {
        node {
          id
          ...PolicyRow_policy
        }
      }
    }
  }
`;
