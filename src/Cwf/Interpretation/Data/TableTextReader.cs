using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Cwf.Interpretation.Data;

/// <summary>
/// A table's rows as text, one string per value (<see cref="DataValues.Format"/>) or DBNull, behind the
/// <see cref="DbDataReader"/> that Sylvan.Data.Csv's writer reads. It serves the members that writer uses
/// (names, string type, nulls, strings); the typed getters have no text to give and say so.
/// </summary>
internal sealed class TableTextReader(Table table) : DbDataReader, IDbColumnSchemaGenerator
{
    private int _row = -1;

    public override int FieldCount => table.Schema.Count;
    public override bool HasRows => table.Rows.Count > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;

    public override bool Read() => ++_row < table.Rows.Count;
    public override bool NextResult() => false;

    public override string GetName(int ordinal) => table.Schema[ordinal].Name;
    public override int GetOrdinal(string name) => table.Schema.IndexOf(name);
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "string";

    public override bool IsDBNull(int ordinal) => table.Rows[_row][ordinal] is null;
    public override string GetString(int ordinal) => DataValues.Format(table.Rows[_row][ordinal]!);
    public override object GetValue(int ordinal) => IsDBNull(ordinal) ? DBNull.Value : GetString(ordinal);
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int GetValues(object[] values)
    {
        int n = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    /// <summary>Every column is nullable text (the writer asks; without it, it wants a DataTable schema).</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() => new([.. table.Schema.Columns.Select((c, i) => new TextColumn(c.Name, i))]);

    private sealed class TextColumn : DbColumn
    {
        public TextColumn(string name, int ordinal)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = typeof(string);
            DataTypeName = "string";
            AllowDBNull = true;
        }
    }

    public override bool GetBoolean(int ordinal) => throw TextOnly();
    public override byte GetByte(int ordinal) => throw TextOnly();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw TextOnly();
    public override char GetChar(int ordinal) => throw TextOnly();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw TextOnly();
    public override DateTime GetDateTime(int ordinal) => throw TextOnly();
    public override decimal GetDecimal(int ordinal) => throw TextOnly();
    public override double GetDouble(int ordinal) => throw TextOnly();
    public override float GetFloat(int ordinal) => throw TextOnly();
    public override Guid GetGuid(int ordinal) => throw TextOnly();
    public override short GetInt16(int ordinal) => throw TextOnly();
    public override int GetInt32(int ordinal) => throw TextOnly();
    public override long GetInt64(int ordinal) => throw TextOnly();

    private static NotSupportedException TextOnly() => new("every column of a table written as CSV is text: read it with GetString");
}
