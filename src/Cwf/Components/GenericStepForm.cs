using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// How a component is written in the generic step form: <c>keyword arg, ... { option: value, ... } [as name]</c>.
/// </summary>
/// <param name="Keyword">The step keyword: a plain lower-case name, not a lexer keyword (so it needs no grammar change).</param>
/// <param name="Arguments">
/// The parameters (and table inputs after the piped one) given by position, in order. A column list or a
/// table input that takes several tables takes all the remaining arguments. Every other parameter is an
/// option, written by its canvas input name.
/// </param>
/// <param name="NamesColumn">Whether <c>as name</c> names the column the step adds (<see cref="ComponentLoweringContext.OutputName"/>).</param>
public sealed record GenericStepForm(string Keyword, Seq<string> Arguments, bool NamesColumn = false);
