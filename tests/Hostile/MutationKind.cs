namespace Telemetry.Hostile;

/// <summary>The kinds of <see cref="Mutation"/>.</summary>
internal enum MutationKind
{
    /// <summary>Cut the input short.</summary>
    Truncate,

    /// <summary>Flip one bit of one byte.</summary>
    FlipBit,

    /// <summary>Insert one token.</summary>
    InsertToken,

    /// <summary>Insert a token repeated many times: a huge label, a huge cell, a huge number.</summary>
    RepeatToken,

    /// <summary>Delete a stretch.</summary>
    Delete,

    /// <summary>Repeat a stretch right after itself: a duplicate line, series or key.</summary>
    Duplicate,
}
