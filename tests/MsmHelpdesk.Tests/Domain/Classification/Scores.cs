using System.Globalization;
using System.Text;

namespace MsmHelpdesk.Tests.Domain.Classification;

internal interface IScores
{
    double MacroF1 { get; }

    /// <summary>Macro-F1 over the classes that are true somewhere in the set.</summary>
    double TrueClassMacroF1 { get; }

    double Accuracy { get; }

    /// <summary>Of the Unknown verdicts, the share that really were Unknown.</summary>
    double UnknownPrecision { get; }

    /// <summary>Of the verdicts that named a class (not Unknown), the share that were right.</summary>
    double NamedPrecision { get; }
}

internal sealed class Scores<T> : IScores where T : struct, Enum
{
    private readonly List<(T Truth, T Predicted)> _pairs;
    private readonly T _unknown;

    public Scores(IEnumerable<(T Truth, T Predicted)> pairs, T unknown)
    {
        _pairs = pairs.ToList();
        _unknown = unknown;
    }

    public double Accuracy => _pairs.Count(p => p.Truth.Equals(p.Predicted)) / (double)_pairs.Count;

    public double MacroF1 => Classes().Average(c => F1(c));

    /// <summary>Macro-F1 over the classes that are true somewhere in the set (a class only ever predicted does not count): the issue's "seven ETAX causes".</summary>
    public double TrueClassMacroF1 => Enum.GetValues<T>().Where(c => _pairs.Any(p => p.Truth.Equals(c))).Average(c => F1(c));

    /// <summary>Macro-F1 over the given classes, whether or not the set holds them (the seven ETAX causes, now that ETAX-era writers also use Coretax causes).</summary>
    public double MacroF1Over(IEnumerable<T> classes) => classes.Average(c => F1(c));

    public double UnknownPrecision => Precision(_unknown);

    public double NamedPrecision
    {
        get
        {
            var named = _pairs.Where(p => !p.Predicted.Equals(_unknown)).ToList();
            return named.Count == 0 ? 1 : named.Count(p => p.Truth.Equals(p.Predicted)) / (double)named.Count;
        }
    }

    public void Print(StringBuilder text, string title, Func<T, string> name)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{title,-22} precision  recall     F1  support");
        foreach (var c in Classes())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {name(c),-20} {Precision(c),9:0.000} {Recall(c),7:0.000} {F1(c),6:0.000} {_pairs.Count(p => p.Truth.Equals(c)),8}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {"macro F1",-20} {MacroF1,24:0.000}   accuracy {Accuracy:0.000}   named-verdict precision {NamedPrecision:0.000}");
    }

    private IEnumerable<T> Classes() =>
        Enum.GetValues<T>().Where(c => _pairs.Any(p => p.Truth.Equals(c) || p.Predicted.Equals(c)));

    private double Precision(T c)
    {
        var predicted = _pairs.Count(p => p.Predicted.Equals(c));
        return predicted == 0 ? 1 : _pairs.Count(p => p.Predicted.Equals(c) && p.Truth.Equals(c)) / (double)predicted;
    }

    private double Recall(T c)
    {
        var actual = _pairs.Count(p => p.Truth.Equals(c));
        return actual == 0 ? 1 : _pairs.Count(p => p.Predicted.Equals(c) && p.Truth.Equals(c)) / (double)actual;
    }

    private double F1(T c)
    {
        var (precision, recall) = (Precision(c), Recall(c));
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
