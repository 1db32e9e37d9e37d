namespace Cwf.Components;

/// <summary>The product catalogue's categories (shared/reference/product-components.md), in its order.</summary>
public enum ComponentCategory
{
    BasicSql,
    Other,
    SpatialOperations,
    Parsers,
    GeographicTools,
    SpatialAnalysis,
    SpatialIndexes,
    CustomSql,
    ImportExport,
    Internal,
}

public static class ComponentCategoryNames
{
    /// <summary>The category as the product's manual names it.</summary>
    public static string Display(this ComponentCategory category) => category switch
    {
        ComponentCategory.BasicSql => "basic SQL",
        ComponentCategory.Other => "other",
        ComponentCategory.SpatialOperations => "spatial operations",
        ComponentCategory.Parsers => "parsers",
        ComponentCategory.GeographicTools => "geographic tools",
        ComponentCategory.SpatialAnalysis => "spatial analysis",
        ComponentCategory.SpatialIndexes => "spatial indexes",
        ComponentCategory.CustomSql => "custom SQL",
        ComponentCategory.ImportExport => "import/export",
        _ => "internal",
    };
}
