using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>The traits of an <see cref="EngineTestAttribute"/>: <c>Category=Engine</c> and <c>Engine=&lt;name&gt;</c>.</summary>
public sealed class EngineTestDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        // xunit hands the enum argument over as the enum or as its underlying int, depending on the runner.
        var engine = (Engine)Convert.ToInt32(traitAttribute.GetConstructorArguments().Single(), CultureInfo.InvariantCulture);
        yield return new(EngineTraits.Category, EngineTraits.EngineCategory);
        yield return new(EngineTraits.EngineName, engine.TraitValue());
    }
}
