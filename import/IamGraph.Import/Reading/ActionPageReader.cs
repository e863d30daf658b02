using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary><c># Action: NAME</c> with sections about roles, policies (by ARN) and services (a table or a bare link).</summary>
internal static class ActionPageReader
{
    public static ActionPage Read(PageReading reading)
    {
        var name = reading.RequireTitle("Action");
        var policyArns = new List<Sourced<string>>();
        var roles = new List<Sourced<string>>();
        var services = new List<Sourced<string>>();
        foreach (var section in reading.Page.Sections)
        {
            switch (section.Topic)
            {
                case Topic.Policies:
                    policyArns.AddRange(reading.ArnsIn(section));
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

        return new ActionPage(name, policyArns, roles, services, reading.At(reading.Page.TitleLine));
    }
}
