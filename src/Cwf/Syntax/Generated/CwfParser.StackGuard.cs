using System.Runtime.CompilerServices;
using Antlr4.Runtime;

namespace Cwf.Syntax.Generated;

// The generated parser recurses once per rule invocation. The token-level nesting check bounds
// that, and this guard turns any remaining overflow risk into an InsufficientExecutionStackException,
// which the driver reports as CWF9002 instead of crashing the process.
public partial class CwfParser
{
    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        base.EnterRule(localctx, state, ruleIndex);
    }
}
