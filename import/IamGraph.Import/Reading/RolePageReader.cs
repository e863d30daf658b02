using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary><c># Role: NAME</c>, <c>ARN: `...`</c>, <c>## Attached Policies</c> (by ARN) and <c>## Allowed Actions</c>.</summary>
internal static class RolePageReader
{
    public static RolePage Read(PageReading reading)
    {
        var name = reading.RequireTitle("Role");
        var arn = reading.RequireArn("role");
        var policyArns = new List<Sourced<string>>();
        var actions = new List<Sourced<string>>();
        foreach (var section in reading.Page.Sections)
        {
            switch (section.Topic)
            {
                case Topic.Policies:
                    policyArns.AddRange(reading.ArnsIn(section));
                    break;
                case Topic.Actions:
                    actions.AddRange(reading.NamesIn(section, Topic.Actions));
                    break;
                default:
                    reading.UnknownSection(section);
                    break;
            }
        }

        return new RolePage(name, arn, policyArns, actions, reading.At(reading.Page.TitleLine));
    }
}
