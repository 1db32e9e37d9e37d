using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// Marks a test class (or a single test) that uses an engine, so that it carries the traits
/// <c>Category=Engine</c> and <c>Engine=&lt;name&gt;</c> and <c>--filter "Category!=Engine"</c>
/// leaves it out. Repeat it for each engine a test uses. <see cref="EngineGuard"/> fails a test
/// that starts an engine it is not marked with.
/// </summary>
[TraitDiscoverer("Cwf.Tests.Infrastructure.EngineTestDiscoverer", "Cwf.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class EngineTestAttribute(Engine engine) : Attribute, ITraitAttribute
{
    public Engine Engine { get; } = engine;
}
