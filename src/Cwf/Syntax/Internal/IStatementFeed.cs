namespace Cwf.Syntax.Internal;

/// <summary>
/// The tokens of a statement as <see cref="DirectParser"/> reads them from a program read statement by statement
/// (<see cref="StatementStream"/>): the statement's end is found as the parse reads on, and the tokens the parse is
/// done with may be let go, so that a long statement's tokens are never all alive (nor all allocated) at once.
/// </summary>
internal interface IStatementFeed
{
    /// <summary>
    /// Whether token <paramref name="index"/> is the statement's; <paramref name="end"/> is moved past every token
    /// known to be the statement's.
    /// </summary>
    bool Reaches(int index, ref int end);

    /// <summary>
    /// The reader will not read the first <paramref name="count"/> tokens of the buffer again: how many of them were let
    /// go (none, or all of them), so that token i is then the buffer's item i minus all that were let go.
    /// </summary>
    int Drop(int count);
}
