namespace Cwf.Ir;

/// <summary>
/// A warehouse table name of one to three parts (<c>table</c>, <c>schema.table</c>,
/// <c>catalog.schema.table</c> / <c>project.dataset.table</c>), kept as the user wrote it.
/// </summary>
public sealed record TableName(Seq<string> Parts)
{
    public string Table => Parts[^1];
    public string? Schema => Parts.Count >= 2 ? Parts[^2] : null;
    public string? Catalog => Parts.Count >= 3 ? Parts[^3] : null;

    /// <summary>
    /// Splits a dotted name; parts may be quoted with double quotes (dots inside stay) or
    /// backticks, where BigQuery style <c>`project.dataset.table`</c> still means three parts. Returns null when the text is not 1 to 3 non-blank parts.
    /// Parts are kept exactly as written, blanks included: trimming would silently name another table
    /// (<c>"\rDROP"</c> would become <c>DROP</c>), and control characters are refused later (CWF2090).
    /// </summary>
    public static TableName? TryParse(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '.' && quote == '`') NextPart();
                else current.Append(c);
            }
            else if (c is '`' or '"') quote = c;
            else if (c == '.') NextPart();
            else current.Append(c);
        }
        NextPart();
        void NextPart()
        {
            parts.Add(current.ToString());
            current.Clear();
        }

        if (quote != '\0' || parts.Count is < 1 or > 3 || parts.Exists(p => p.Trim().Length == 0)) return null;
        return new TableName([.. parts]);
    }

    /// <summary>
    /// A schema path as the user gives one (the toolbox location of <c>--toolbox</c> or a catalog): one or two
    /// dotted parts (a schema, or a project/database and a schema), quoted parts allowed; null when it is not
    /// one, or holds a control character.
    /// </summary>
    public static TableName? TryParseSchemaPath(string text) =>
        TryParse(text) is { Parts.Count: <= 2 } name && !name.Parts.Any(p => p.Any(char.IsControl)) ? name : null;

    public override string ToString() => string.Join(".", Parts);
}
