namespace VisionEHalsa.Indicator.Expressions;

/// <summary>A syntax or type error, with where it is and an English message.</summary>
public sealed record ExpressionError(SourcePosition Position, string Message)
{
    public override string ToString() => $"Line {Position.Line}, column {Position.Column}: {Message}";
}

public sealed class ExpressionSyntaxException(ExpressionError error) : Exception(error.ToString())
{
    public ExpressionError Error { get; } = error;
}
