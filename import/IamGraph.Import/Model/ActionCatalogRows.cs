using System.Text.Json;

using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Import.Model;

/// <summary>AWS's action catalogue as rows: resource types, condition keys, and which actions use them or depend on others.</summary>
internal static class ActionCatalogRows
{
    public static AccessLevels LevelsOf(IEnumerable<AccessLevel> levels) =>
        levels.Aggregate(AccessLevels.None, (all, level) => all | level switch
        {
            AccessLevel.List => AccessLevels.List,
            AccessLevel.Read => AccessLevels.Read,
            AccessLevel.Write => AccessLevels.Write,
            AccessLevel.Tagging => AccessLevels.Tagging,
            _ => AccessLevels.PermissionsManagement,
        });

    public static CatalogSnapshot Add(
        CatalogSnapshot snapshot, ActionCatalogSource? catalog, IReadOnlyDictionary<string, int> actionIds, IReadOnlyDictionary<string, int> serviceIds)
    {
        if (catalog is null)
        {
            return snapshot;
        }

        var resourceTypes = new List<ResourceTypeRow>();
        var resourceTypeIds = new Dictionary<(int Service, string Name), int>();
        var conditionKeys = new List<ConditionKeyRow>();
        var conditionKeyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in catalog.Services)
        {
            var serviceId = serviceIds[service.Prefix];
            foreach (var type in service.ResourceTypes)
            {
                if (resourceTypeIds.TryAdd((serviceId, type.Key), resourceTypes.Count + 1))
                {
                    resourceTypes.Add(new ResourceTypeRow(resourceTypes.Count + 1, serviceId, type.Key, type.Arn, JsonSerializer.Serialize(type.ConditionKeys)));
                }
            }
            foreach (var key in service.ConditionKeys)
            {
                if (conditionKeyIds.TryAdd(key.Key, conditionKeys.Count + 1))
                {
                    conditionKeys.Add(new ConditionKeyRow(conditionKeys.Count + 1, key.Key, key.Description, key.Type));
                }
            }
        }

        var actionResourceTypes = new List<ActionResourceTypeRow>();
        var actionConditionKeys = new List<Link>();
        var dependencies = new List<Link>();
        var linked = new HashSet<(int Action, int Type)>();
        var depends = new HashSet<Link>();
        foreach (var service in catalog.Services)
        {
            var serviceId = serviceIds[service.Prefix];
            foreach (var action in service.Actions)
            {
                var actionId = actionIds[action.Name];
                foreach (var type in action.ResourceTypes)
                {
                    // A type the service does not define (the reader notes it) is left out.
                    if (resourceTypeIds.TryGetValue((serviceId, type.Name), out var typeId) && linked.Add((actionId, typeId)))
                    {
                        actionResourceTypes.Add(new ActionResourceTypeRow(actionId, typeId, type.Required, JsonSerializer.Serialize(type.ConditionKeys)));
                    }
                }

                // Keys an action names that no service defines (global aws: keys, say) are kept without a description.
                foreach (var key in action.ConditionKeys.Distinct(StringComparer.Ordinal))
                {
                    if (!conditionKeyIds.TryGetValue(key, out var keyId))
                    {
                        conditionKeyIds[key] = keyId = conditionKeys.Count + 1;
                        conditionKeys.Add(new ConditionKeyRow(keyId, key, null, null));
                    }
                    actionConditionKeys.Add(new Link(actionId, keyId));
                }

                foreach (var dependent in action.DependentActions.Concat(action.ResourceTypes.SelectMany(t => t.DependentActions))
                    .Where(d => d.Length > 0).Select(d => actionIds[d]).Where(d => d != actionId).Distinct().Order())
                {
                    if (depends.Add(new Link(actionId, dependent)))
                    {
                        dependencies.Add(new Link(actionId, dependent));
                    }
                }
            }
        }

        return snapshot with
        {
            ResourceTypes = resourceTypes,
            ConditionKeys = conditionKeys,
            ActionResourceTypes = actionResourceTypes,
            ActionConditionKeys = [.. actionConditionKeys.Distinct()],
            ActionDependencies = dependencies,
        };
    }
}
