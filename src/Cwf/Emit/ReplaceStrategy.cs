namespace Cwf.Emit;

/// <summary>How a replace output takes the place of the table it replaces (<c>--replace-strategy</c>; spec/dialects.md section 2).</summary>
public enum ReplaceStrategy
{
    /// <summary>The dialect's replace: <c>CREATE OR REPLACE TABLE</c>, or <c>DROP TABLE IF EXISTS</c> + <c>CREATE TABLE AS</c>, which a dependent view blocks where views are bound to tables (PostgreSQL, Redshift).</summary>
    Drop,

    /// <summary><c>DROP TABLE IF EXISTS ... CASCADE</c>, which drops the dependent views too, where the warehouse has it; <c>CWF6050</c> elsewhere.</summary>
    Cascade,

    /// <summary>The new table built under another name and renamed into place once it is complete: readers wait for, or never see, a missing table for only that moment.</summary>
    Swap,
}
