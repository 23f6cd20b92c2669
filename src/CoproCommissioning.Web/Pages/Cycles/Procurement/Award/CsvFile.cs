using System.Text;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// Comma-separated values (RFC 4180) that open safely in a spreadsheet: every field quoted, and text that a
/// spreadsheet would run as a formula (OWASP "CSV injection") starts with an apostrophe, so it shows as typed.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && FormulaStarts.Contains(value[0]) ? $"'{value}" : value;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>UTF-8 with a byte order mark, which spreadsheet programs need to read names with accents correctly.</summary>
    public static byte[] Encode(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
