namespace MsmHelpdesk.Domain.Classification;

/// <summary>The classifier's small private types and its per-thread scratch space.</summary>
public sealed partial class Classifier
{
    private sealed record Phrase(int Index, int[] Words, int Dimension, int Label, string Points, double Weight, EvidenceSource Source);

    private sealed record RawPattern(int[] Words, string? Code, Cause? Cause, double Weight, string? Note);

    private readonly record struct Token(int Start, int Length, int Sentence, int Id, int RawId, EvidenceField Field, bool IsDigits);

    private readonly record struct Match(int First, int Last, int Offset, int Count, bool Negated, double Factor, RawPattern? Rule)
    {
        public Phrase? Phrase { get; init; }

        public bool Accepted { get; init; }
    }

    private readonly struct MatchOrder(List<Match> matches) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var a = matches[x];
            var b = matches[y];
            var byCount = b.Count.CompareTo(a.Count);
            if (byCount != 0)
            {
                return byCount;
            }

            var byWeight = Math.Abs(b.Rule?.Weight ?? b.Phrase!.Weight).CompareTo(Math.Abs(a.Rule?.Weight ?? a.Phrase!.Weight));
            return byWeight != 0 ? byWeight : x.CompareTo(y);
        }
    }

    /// <summary>Per-thread scratch space, reused between calls so the hot loops allocate nothing.</summary>
    private sealed class Work
    {
        public Token[] Tokens = new Token[256];
        public int TokenCount;
        public int Sentence;
        public bool[] Consumed = new bool[256];
        public readonly bool[][] Claimed = [new bool[256], new bool[256]];
        public readonly List<int> Positions = new(512);
        public readonly List<Match> Matches = new(64);
        public readonly List<Match> LearnedMatches = new(16);
        public readonly List<int> Order = new(64);
        public bool[] PhraseSeen = [];
        public bool[] LearnedSeen = [];
        public readonly double[][] Scores = [new double[ScenarioClasses], new double[CauseClasses]];
        public readonly double[][] LearnedSums = [new double[ScenarioClasses], new double[CauseClasses]];
        public readonly double[][] Logits = [new double[ScenarioClasses + 1], new double[CauseClasses + 1], new double[SystemLabels]];
        public readonly double[][] CoretaxLogits = [new double[ScenarioClasses + 1], new double[CauseClasses + 1]];
        public readonly List<(string Key, int First, int Last)> Features = new(128);
        public readonly List<(int Id, int First, int Last)> Found = new(256);
        public char[] Key = new char[64];
        public char[] Name = new char[64];
        public char[] Previous = new char[64];
        public char[] Padded = new char[64];
        public readonly double[] Prior = new double[ScenarioClasses];
        public readonly double[] CausePrior = new double[CauseClasses];
        public readonly List<int> FeatureIds = new(128);
        public readonly List<int> GramIds = new(32);
        public readonly List<(double Weight, int First, int Last)> Candidates = new(64);
        public readonly List<(double Weight, int First, int Last)> Best = new(ModelEvidenceCount);

        /// <summary>
        /// The shared ids found in this call, one bit each (<see cref="Mark"/>), read back in ascending order and cleared by
        /// <see cref="TakeMarked"/>: the features sorted and each once without a sort (decision 0197).
        /// </summary>
        public ulong[] Marks = [];
        public int MarkLow = int.MaxValue;
        public int MarkHigh = -1;

        /// <summary>The cause of the strongest exception string found (-1: none), and whether an ambiguous one was found.</summary>
        public int DecidingRule;
        public double DecidingRuleWeight;
        public bool AmbiguousRule;
        public readonly int?[] Decided = new int?[2];
        public int? RuledOut;

        public void Reset(int phraseCount, int learnedCount, int featureCount = 0)
        {
            if (Marks.Length < (featureCount + 63) / 64)
            {
                Marks = new ulong[(featureCount + 63) / 64];
            }

            TakeMarked(null); // a call that ended early leaves its marks

            (DecidingRule, DecidingRuleWeight, AmbiguousRule) = (-1, 0, false);
            TokenCount = 0;
            Sentence = 0;
            Positions.Clear();
            Matches.Clear();
            LearnedMatches.Clear();
            if (PhraseSeen.Length < phraseCount)
            {
                PhraseSeen = new bool[phraseCount];
            }
            else
            {
                Array.Clear(PhraseSeen);
            }

            if (LearnedSeen.Length < learnedCount)
            {
                LearnedSeen = new bool[learnedCount];
            }
            else
            {
                Array.Clear(LearnedSeen);
            }

            foreach (var scores in Scores)
            {
                Array.Clear(scores);
            }

            foreach (var sums in LearnedSums)
            {
                Array.Clear(sums);
            }
        }

        public void Mark(int id)
        {
            var word = id >> 6;
            Marks[word] |= 1UL << id;
            MarkLow = Math.Min(MarkLow, word);
            MarkHigh = Math.Max(MarkHigh, word);
        }

        /// <summary>The marked ids into <paramref name="ids"/> (when given) in ascending order; the marks are cleared.</summary>
        public void TakeMarked(List<int>? ids)
        {
            for (var word = MarkLow; word <= MarkHigh; word++)
            {
                var bits = Marks[word];
                Marks[word] = 0;
                while (bits != 0 && ids is not null)
                {
                    ids.Add((word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits));
                    bits &= bits - 1;
                }
            }

            (MarkLow, MarkHigh) = (int.MaxValue, -1);
        }

        /// <summary>The buffer, grown if it holds fewer than <paramref name="length"/> characters.</summary>
        public static Span<char> Room(ref char[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new char[Math.Max(length, buffer.Length * 2)];
            }

            return buffer;
        }

        public void Add(Token token)
        {
            if (TokenCount == Tokens.Length)
            {
                Array.Resize(ref Tokens, Tokens.Length * 2);
                Array.Resize(ref Consumed, Tokens.Length);
                Array.Resize(ref Claimed[0], Tokens.Length);
                Array.Resize(ref Claimed[1], Tokens.Length);
            }

            Consumed[TokenCount] = false;
            Claimed[0][TokenCount] = false;
            Claimed[1][TokenCount] = false;
            Tokens[TokenCount++] = token;
        }
    }
}
