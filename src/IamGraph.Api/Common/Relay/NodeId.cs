using System.Globalization;
using System.Text;

namespace IamGraph.Api.Common.Relay;

/// <summary>Global object ids: base64 of <c>TypeName:dbId</c>, HotChocolate's legacy format.</summary>
public static class NodeId
{
    public static string Encode(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + id.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? value, out string typeName, out int id)
    {
        typeName = "";
        id = 0;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }
        typeName = text[..colon];
        return true;
    }
}
