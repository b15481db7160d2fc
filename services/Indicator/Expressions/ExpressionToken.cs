using Superpower.Display;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>The words of the expression language; the attributes give parse errors readable names.</summary>
public enum ExpressionToken
{
    [Token(Category = "question code")]
    QuestionCode,

    [Token(Category = "number")]
    Number,

    [Token(Category = "string")]
    String,

    [Token(Example = "(")]
    OpenParenthesis,

    [Token(Example = ")")]
    CloseParenthesis,

    [Token(Example = "[")]
    OpenBracket,

    [Token(Example = "]")]
    CloseBracket,

    [Token(Example = ",")]
    Comma,

    [Token(Example = "==")]
    Equal,

    [Token(Example = "!=")]
    NotEqual,

    [Token(Example = "<")]
    Less,

    [Token(Example = "<=")]
    LessOrEqual,

    [Token(Example = ">")]
    Greater,

    [Token(Example = ">=")]
    GreaterOrEqual,

    [Token(Example = "+")]
    Plus,

    [Token(Example = "-")]
    Minus,

    [Token(Example = "*")]
    Times,

    [Token(Example = "/")]
    Divide,

    [Token(Category = "keyword", Example = "and")]
    And,

    [Token(Category = "keyword", Example = "or")]
    Or,

    [Token(Category = "keyword", Example = "not")]
    Not,

    [Token(Category = "keyword", Example = "in")]
    In,

    [Token(Category = "keyword", Example = "contains")]
    Contains,

    [Token(Category = "keyword", Example = "answered")]
    Answered,

    [Token(Category = "keyword", Example = "true")]
    True,

    [Token(Category = "keyword", Example = "false")]
    False,
}
