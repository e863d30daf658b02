using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>
/// <c># Policy: NAME</c>, <c>ARN: `...`</c>, then sections about roles, services and actions.
/// Every action row is kept, duplicates included: the model layer collapses and reports them.
/// </summary>
internal static class PolicyPageReader
{
    public static PolicyPage Read(PageReading reading)
    {
        var name = reading.RequireTitle("Policy");
        var arn = reading.RequireArn("policy");
        var actions = new List<Sourced<string>>();
        var roles = new List<Sourced<string>>();
        var services = new List<Sourced<string>>();
        foreach (var section in reading.Page.Sections)
        {
            switch (section.Topic)
            {
                case Topic.Actions:
                    actions.AddRange(reading.NamesIn(section, Topic.Actions));
                    break;
                case Topic.Roles:
                    roles.AddRange(reading.NamesIn(section, Topic.Roles));
                    break;
                case Topic.Services:
                    services.AddRange(reading.NamesIn(section, Topic.Services));
                    break;
                default:
                    reading.UnknownSection(section);
                    break;
            }
        }

        return new PolicyPage(name, arn, actions, roles, services, reading.At(reading.Page.TitleLine));
    }
}
