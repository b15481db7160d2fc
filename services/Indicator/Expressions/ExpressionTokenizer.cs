using Superpower;
using Superpower.Model;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Splits expression text into tokens. Keywords are lower case and question codes upper case, so a
/// question can never be named like a keyword, and a misspelt word is caught here with its position.
/// </summary>
public sealed class ExpressionTokenizer : Tokenizer<ExpressionToken>
{
    private static readonly Dictionary<string, ExpressionToken> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = ExpressionToken.And,
        ["or"] = ExpressionToken.Or,
        ["not"] = ExpressionToken.Not,
        ["in"] = ExpressionToken.In,
        ["contains"] = ExpressionToken.Contains,
        ["answered"] = ExpressionToken.Answered,
        ["true"] = ExpressionToken.True,
        ["false"] = ExpressionToken.False,
    };

    private static readonly (string Text, ExpressionToken Kind)[] Symbols =
    [
        ("==", ExpressionToken.Equal),
        ("!=", ExpressionToken.NotEqual),
        ("<=", ExpressionToken.LessOrEqual),
        (">=", ExpressionToken.GreaterOrEqual),
        ("<", ExpressionToken.Less),
        (">", ExpressionToken.Greater),
        ("(", ExpressionToken.OpenParenthesis),
        (")", ExpressionToken.CloseParenthesis),
        ("[", ExpressionToken.OpenBracket),
        ("]", ExpressionToken.CloseBracket),
        (",", ExpressionToken.Comma),
        ("+", ExpressionToken.Plus),
        ("-", ExpressionToken.Minus),
        ("*", ExpressionToken.Times),
        ("/", ExpressionToken.Divide),
    ];

    public static ExpressionTokenizer Instance { get; } = new();

    protected override IEnumerable<Result<ExpressionToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        var afterOperand = false;
        while (next.HasValue)
        {
            var start = next.Location;
            var token = ReadToken(start, next.Value, afterOperand);
            yield return token;
            if (!token.HasValue)
            {
                yield break;
            }

            afterOperand = token.Value is ExpressionToken.QuestionCode or ExpressionToken.Number or ExpressionToken.CloseParenthesis;
            next = SkipWhiteSpace(token.Remainder);
        }
    }

    /// <summary>
    /// A '-' right before a digit starts a negative number (<c>ANTAL > -3</c>) unless it follows something with a
    /// value, where it subtracts (<c>ANTAL-3</c>).
    /// </summary>
    private static Result<ExpressionToken> ReadToken(TextSpan start, char first, bool afterOperand)
    {
        if (char.IsLetter(first) || first == '_')
        {
            return ReadWord(start);
        }

        if (char.IsAsciiDigit(first) || (first == '-' && !afterOperand && Peek(start, 1) is { } digit && char.IsAsciiDigit(digit)))
        {
            return ReadNumber(start);
        }

        if (first == '"')
        {
            return ReadString(start);
        }

        foreach (var (text, kind) in Symbols)
        {
            if (StartsWith(start, text))
            {
                return Result.Value(kind, start, start.Skip(text.Length));
            }
        }

        return first switch
        {
            '=' => Result.Empty<ExpressionToken>(start, "'=' is not an operator: compare with =="),
            '!' => Result.Empty<ExpressionToken>(start, "'!' is not an operator: use != or not"),
            '\'' => Result.Empty<ExpressionToken>(start, "strings are written in double quotes (\"Ja, alla\")"),
            _ => Result.Empty<ExpressionToken>(start, $"unexpected character '{first}'"),
        };
    }

    private static Result<ExpressionToken> ReadWord(TextSpan start)
    {
        var end = SkipWhile(start, c => char.IsLetterOrDigit(c) || c == '_');
        var word = start.Until(end).ToStringValue();
        if (Keywords.TryGetValue(word, out var keyword))
        {
            return Result.Value(keyword, start, end);
        }

        if (QuestionCodes.IsValid(word))
        {
            return Result.Value(ExpressionToken.QuestionCode, start, end);
        }

        return Result.Empty<ExpressionToken>(start,
            $"'{word}' is neither a keyword nor a question code (question codes are capital letters, digits and _, starting with a letter; keywords are lower case)");
    }

    private static Result<ExpressionToken> ReadNumber(TextSpan start)
    {
        var end = SkipWhile(start.Skip(1), char.IsAsciiDigit);
        if (!end.IsAtEnd && end.ConsumeChar().Value == '.')
        {
            var fraction = end.Skip(1);
            end = SkipWhile(fraction, char.IsAsciiDigit);
            if (end == fraction)
            {
                return Result.Empty<ExpressionToken>(end, "a digit must follow the decimal point");
            }
        }

        return NumberLiterals.TryParse(start.Until(end).ToStringValue(), out _)
            ? Result.Value(ExpressionToken.Number, start, end)
            : Result.Empty<ExpressionToken>(start, "the number is too large");
    }

    private static Result<ExpressionToken> ReadString(TextSpan start)
    {
        var rest = start.Skip(1);
        while (!rest.IsAtEnd)
        {
            var c = rest.ConsumeChar();
            if (c.Value == '"')
            {
                return Result.Value(ExpressionToken.String, start, c.Remainder);
            }

            rest = c.Value == '\\' && !c.Remainder.IsAtEnd ? c.Remainder.Skip(1) : c.Remainder;
        }

        return Result.Empty<ExpressionToken>(start, "the string that starts here has no closing \"");
    }

    private static TextSpan SkipWhile(TextSpan span, Func<char, bool> predicate)
    {
        while (!span.IsAtEnd)
        {
            var c = span.ConsumeChar();
            if (!predicate(c.Value))
            {
                break;
            }

            span = c.Remainder;
        }

        return span;
    }

    private static char? Peek(TextSpan span, int offset) =>
        span.Length > offset ? span[offset] : null;

    private static bool StartsWith(TextSpan span, string text) =>
        span.Length >= text.Length && span.First(text.Length).EqualsValue(text);
}

public static class NumberLiterals
{
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out value);
}

public static class QuestionCodes
{
    /// <summary>Question codes are <c>^[A-Z][A-Z0-9_]*$</c>: checked by hand, never by a regular expression over input.</summary>
    public static bool IsValid(string code) =>
        code.Length > 0 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
