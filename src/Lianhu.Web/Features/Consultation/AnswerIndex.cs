using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Lianhu.Web.Features.Consultation;

/// <summary>What the index found for a question in one language: the entries best first, each with its confidence.</summary>
public sealed record AnswerHit(ConsultationEntry Entry, double Confidence)
{
    /// <summary>The BM25 score: orders hits of equal confidence.</summary>
    public float Score { get; init; }
}

/// <summary>
/// The answers indexed for retrieval (ADR 0036): one Lucene index per language, Chinese segmented
/// by SmartCn (no dictionary to ship: its model is in the package), English by the English analyzer
/// (stemming, stop words); ranked by BM25 over each entry's questions, title and keywords. The
/// confidence of a hit is how much of the question it covers, each word weighted by how rare it is
/// among the answers (inverse document frequency) — a word no answer knows lowers it — so "怎么申请
/// 保护令" covers the protection-order entry fully and "我老公的车坏了" covers nothing. Immutable;
/// a new one is built when the answers change.
/// </summary>
public sealed class AnswerIndex : IDisposable
{
    private const string QuestionField = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Dictionary<string, Language> languages;

    public AnswerIndex(IReadOnlyList<ConsultationEntry> entries, AssistantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(settings);
        Entries = entries;
        languages = new(StringComparer.Ordinal)
        {
            ["zh-CN"] = new Language(new SmartChineseAnalyzer(Version), entries, "zh-CN", settings.Ignore.ZhCn),
            ["en"] = new Language(new EnglishAnalyzer(Version), entries, "en", settings.Ignore.En),
        };
    }

    public IReadOnlyList<ConsultationEntry> Entries { get; }

    /// <summary>The best entries for a question, searched in both languages (she may type either), best confidence first.</summary>
    public IReadOnlyList<AnswerHit> Search(string question, int take = 3)
    {
        var hits = languages.Values.SelectMany(l => l.Search(question, take))
            .GroupBy(h => h.Entry.Id)
            .Select(g => g.MaxBy(h => h.Confidence)!)
            .OrderByDescending(h => h.Confidence)
            .ThenByDescending(h => h.Score)
            .ThenBy(h => h.Entry.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        return hits;
    }

    public void Dispose()
    {
        foreach (var language in languages.Values)
        {
            language.Dispose();
        }
    }

    private sealed class Language : IDisposable
    {
        private readonly Analyzer analyzer;
        private readonly RAMDirectory directory = new();
        private readonly DirectoryReader reader;
        private readonly IndexSearcher searcher;
        private readonly HashSet<string> ignore;
        private readonly List<(ConsultationEntry Entry, HashSet<string> Terms)> documents = [];

        public Language(Analyzer analyzer, IReadOnlyList<ConsultationEntry> entries, string language, IReadOnlyList<string> ignoreWords)
        {
            this.analyzer = analyzer;
            ignore = [.. ignoreWords.SelectMany(Terms)];
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
            {
                foreach (var entry in entries)
                {
                    var text = string.Join('\n', [language == "en" ? entry.Title.En : entry.Title.ZhCn, .. entry.Questions.For(language), .. entry.Keywords.For(language)]);
                    var document = new Document { new TextField(QuestionField, text, Field.Store.NO) };
                    writer.AddDocument(document);
                    documents.Add((entry, [.. Terms(text)]));
                }

                writer.Commit();
            }

            reader = DirectoryReader.Open(directory);
            searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }

        public IEnumerable<AnswerHit> Search(string question, int take)
        {
            var terms = Terms(question).Where(t => !ignore.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0 || documents.Count == 0)
            {
                return [];
            }

            var query = new BooleanQuery();
            foreach (var term in terms)
            {
                query.Add(new TermQuery(new Term(QuestionField, term)), Occur.SHOULD);
            }

            var weights = terms.ToDictionary(t => t, Weight, StringComparer.Ordinal);
            var total = weights.Values.Sum();
            return searcher.Search(query, take).ScoreDocs.Select(hit =>
            {
                var (entry, known) = documents[hit.Doc];
                var covered = terms.Where(known.Contains).Sum(t => weights[t]);
                return new AnswerHit(entry, Math.Round(covered / total, 3)) { Score = hit.Score };
            });
        }

        /// <summary>
        /// Inverse document frequency: a word every answer has weighs little, a word one answer has
        /// weighs most. A word no answer has ("楼下", "天天") weighs as a common one: it may be the
        /// subject of a question no answer covers ("车", "天气") — then nothing else in the question
        /// is covered either — or only colour around words that are.
        /// </summary>
        private double Weight(string term)
        {
            var n = reader.NumDocs;
            var df = reader.DocFreq(new Term(QuestionField, term));
            return Math.Log(1 + ((n + 1.0) / (df == 0 ? (n / 3.0) + 0.5 : df + 0.5)));
        }

        private List<string> Terms(string text)
        {
            var terms = new List<string>();
            using var stream = analyzer.GetTokenStream(QuestionField, text.ToLower(CultureInfo.InvariantCulture));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
            return terms;
        }

        public void Dispose()
        {
            reader.Dispose();
            directory.Dispose();
            analyzer.Dispose();
        }
    }
}
