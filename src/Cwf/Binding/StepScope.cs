using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Binding;

/// <summary>
/// The columns flowing into and out of one place of a program, as the binder saw them: a pipeline step
/// (<see cref="Input"/> and <see cref="Output"/>), or a name that starts a pipeline or declares a source or a
/// let (<see cref="Output"/> only). Null where that side failed to bind. Editors complete and show columns with it.
/// </summary>
public sealed record StepScope(TextSpan Span, Schema? Input, Schema? Output);
