using IamGraph.Api.Common;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Actions;

public sealed class AccessLevelGraphType() : FlagsGraphType<AccessLevels>(
    "AccessLevel",
    "IAM's access levels, from AWS's action catalogue.",
    (AccessLevels.List, "Lists resources."),
    (AccessLevels.Read, "Reads resources or their attributes."),
    (AccessLevels.Write, "Creates, changes or deletes resources."),
    (AccessLevels.Tagging, "Changes only tags."),
    (AccessLevels.PermissionsManagement, "Grants or changes permissions."));
