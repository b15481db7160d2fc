using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Targets;

public static class TargetFacts
{
    /// <summary>The comparator that applies: the target's own, else its indicator's direction, else atLeast.</summary>
    public static Comparator ComparatorOf(this IndicatorFacts facts, Target target) =>
        target.Comparator ?? facts.DefaultComparator(target.Indicator);

    public static TargetStatus StatusOf(this IndicatorFacts facts, Target target) =>
        TargetEvaluation.Evaluate(target.TargetValue, target.TargetYear, facts.ComparatorOf(target), facts.Values(target.Indicator));
}
