using Microsoft.Data.Sqlite;
using Tandem.Retrieval;
using Tandem.Tests.Support;

namespace Tandem.Tests.Retrieval;

public sealed class PorterStemmerTests
{
    [Theory]
    // Examples from Porter's 1980 paper, step by step.
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("digitizer", "digit")]
    [InlineData("radicalli", "radic")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("operator", "oper")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("electrical", "electr")]
    [InlineData("goodness", "good")]
    [InlineData("allowance", "allow")]
    [InlineData("airliner", "airlin")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("communism", "commun")]
    [InlineData("effective", "effect")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("roll", "roll")]
    // The reference C version's departures, which FTS5 follows.
    [InlineData("conformabli", "conform")]
    [InlineData("analogi", "analog")]
    // Left alone: short words and words with digits.
    [InlineData("is", "is")]
    [InlineData("10th", "10th")]
    public void Stem_PaperExamples_MatchPorter(string word, string expected) =>
        Assert.Equal(expected, PorterStemmer.Stem(word));

    [Fact]
    public void Tokens_SampleContracts_MatchSqliteFts5PorterVocabulary()
    {
        var texts = new[] { "*.md", "*.txt", "*.html" }.SelectMany(pattern => Directory.GetFiles(RepositoryPaths.Samples, pattern))
            .Select(File.ReadAllText).ToList();
        Assert.NotEmpty(texts);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');
                """;
            create.ExecuteNonQuery();
        }

        foreach (var text in texts)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (text) VALUES ($text)";
            insert.Parameters.AddWithValue("$text", text);
            insert.ExecuteNonQuery();
        }

        var sqlite = new SortedSet<string>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT term FROM v";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                sqlite.Add(reader.GetString(0));
            }
        }

        var ours = new SortedSet<string>(texts.SelectMany(Bm25Index.Tokens), StringComparer.Ordinal);
        Assert.True(sqlite.Count > 800, $"only {sqlite.Count} terms");
        Assert.Empty(ours.Except(sqlite));
        Assert.Empty(sqlite.Except(ours));
    }
}
