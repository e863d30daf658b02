using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary><c># Service: NAME</c> with sections about roles, policies (by ARN) and actions.</summary>
internal static class ServicePageReader
{
    public static ServicePage Read(PageReading reading)
    {
        var name = reading.RequireTitle("Service");
        var policyArns = new List<Sourced<string>>();
        var actions = new List<Sourced<string>>();
        var roles = new List<Sourced<string>>();
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
                case Topic.Roles:
                    roles.AddRange(reading.NamesIn(section, Topic.Roles));
                    break;
                default:
                    reading.UnknownSection(section);
                    break;
            }
        }

        return new ServicePage(name, policyArns, actions, roles, reading.At(reading.Page.TitleLine));
    }
}
