using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>The outcome of <see cref="DefinitionRules.Check"/>: a draft when nothing was wrong, and every fault found.</summary>
public sealed record DefinitionCheck(DefinitionDraft? Draft, ParsedExpressions Expressions, string QuestionnaireId, Dictionary<string, string[]> Errors)
{
    /// <summary>The faults found so far with the type errors against the questionnaire's questions added to them.</summary>
    public Dictionary<string, string[]> ErrorsAgainst(IReadOnlyDictionary<string, QuestionSchema> questions)
    {
        var errors = new Dictionary<string, string[]>(Errors, StringComparer.Ordinal);
        foreach (var (field, messages) in Expressions.TypeCheck(questions))
        {
            errors[field] = [.. errors.GetValueOrDefault(field, []), .. messages];
        }

        return errors;
    }
}

/// <summary>What makes a definition acceptable before the questionnaire is consulted: fields present, expressions parse.</summary>
public static class DefinitionRules
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxIdLength = 100;
    public const int MaxExpressionLength = 2000;
    public const int MaxUnitLength = 20;

    /// <summary>
    /// Checks the fields and parses the expressions. Every fault is listed, and the expressions that did parse
    /// come back too, so the questionnaire check can add its faults to the same answer.
    /// </summary>
    public static DefinitionCheck Check(DefineIndicator request)
    {
        var errors = new Errors();
        var code = request.Code ?? string.Empty;
        if (code.Length is 0 or > MaxCodeLength || !QuestionCodes.IsValid(code))
        {
            errors.Add("code", $"code must be 1–{MaxCodeLength} characters: a capital letter, then capital letters, digits or _ (e.g. DIGPLAN)");
        }

        var name = request.Name?.Trim() ?? string.Empty;
        errors.Require("name", name, MaxNameLength);
        var questionnaireId = request.QuestionnaireId?.Trim() ?? string.Empty;
        errors.Require("questionnaireId", questionnaireId, MaxIdLength);
        var kind = request.Kind ?? string.Empty;
        if (!IndicatorKinds.All.Contains(kind))
        {
            errors.Add("kind", "kind must be share, mean, median, sum or ratio");
        }

        var unit = request.Unit?.Trim() ?? IndicatorKinds.DefaultUnit(kind);
        if (unit.Length > MaxUnitLength)
        {
            errors.Add("unit", $"unit is at most {MaxUnitLength} characters");
        }

        var numerator = Condition(errors, "numerator", request.Numerator, required: true);
        var denominatorText = Blank(request.Denominator) ? null : request.Denominator;
        var valueText = Blank(request.Value) ? null : request.Value;
        var denominatorValueText = Blank(request.DenominatorValue) ? null : request.DenominatorValue;
        var denominator = Condition(errors, "denominator", denominatorText, required: false);
        Operand? value = null;
        Operand? denominatorValue = null;
        if (kind == IndicatorKinds.Share && valueText is not null)
        {
            errors.Add("value", "value applies to mean, median, sum and ratio; a share counts organisations");
        }
        else if (IndicatorKinds.AggregatesValue(kind))
        {
            value = Value(errors, "value", valueText, kind);
            if (denominatorText is not null)
            {
                errors.Add("denominator", $"denominator applies to share; a {kind} takes its organisations from numerator");
            }
        }

        if (kind == IndicatorKinds.Ratio)
        {
            denominatorValue = Value(errors, "denominatorValue", denominatorValueText, kind);
        }
        else if (denominatorValueText is not null)
        {
            errors.Add("denominatorValue", "denominatorValue applies to ratio only");
        }

        var expressions = new ParsedExpressions(numerator, denominator, value, denominatorValue, IndicatorKinds.All.Contains(kind) ? kind : null);
        var draft = errors.Any
            ? null
            : new DefinitionDraft(code, name, questionnaireId, kind, request.Numerator!, denominatorText, valueText, denominatorValueText, unit,
                request.HigherIsBetter ?? true, expressions);
        return new DefinitionCheck(draft, expressions, questionnaireId, errors.ToDictionary());
    }

    private static Condition? Condition(Errors errors, string field, string? text, bool required)
    {
        if (Blank(text))
        {
            if (required)
            {
                errors.Add(field, $"{field} is required, e.g. DIGPLAN == true");
            }

            return null;
        }

        if (text!.Length > MaxExpressionLength)
        {
            errors.Add(field, $"{field} is at most {MaxExpressionLength} characters");
            return null;
        }

        if (ExpressionParser.TryParseCondition(text, out var condition, out var error))
        {
            return condition;
        }

        errors.Add(field, error.ToString());
        return null;
    }

    private static Operand? Value(Errors errors, string field, string? text, string kind)
    {
        if (text is null)
        {
            errors.Add(field, $"{field} is required for a {kind}: a numeric expression, e.g. ANTAL");
            return null;
        }

        if (text.Length > MaxExpressionLength)
        {
            errors.Add(field, $"{field} is at most {MaxExpressionLength} characters");
            return null;
        }

        if (ExpressionParser.TryParseValue(text, out var value, out var error))
        {
            return value;
        }

        errors.Add(field, error.ToString());
        return null;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }

            messages.Add(message);
        }

        public void Require(string field, string value, int maxLength)
        {
            if (value.Length == 0)
            {
                Add(field, $"{field} is required");
            }
            else if (value.Length > maxLength)
            {
                Add(field, $"{field} is at most {maxLength} characters");
            }
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
