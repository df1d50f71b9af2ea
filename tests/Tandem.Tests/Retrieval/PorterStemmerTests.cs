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

    [Theory]
    [InlineData("Café naïve coöperation—liability; l'indemnité Straße")]
    [InlineData("a \u0300 b \u0300\u0301 x\u0301y")] // a lone diacritic starts nothing; one inside a word is removed
    [InlineData("x\u0345y a\u05b0b \u0915\u093f\u0916")] // other marks end a token
    [InlineData("½ ① ² Ⅻ 123abc 2000s")] // every number class is a token character
    [InlineData("\U00020000abc \U0001D400bc 😀 a_b \u00ad a\u200bb ǅ ﬁne 東京")] // beyond the BMP, symbols, format characters
    public void CountTokens_UnusualText_MatchesSqliteFts5RowLength(string text)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
            INSERT INTO t (text) VALUES ($text);
            SELECT count(*) FROM v;
            """;
        command.Parameters.AddWithValue("$text", text);
        var sqlite = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(sqlite, Bm25Index.CountTokens(text));
        Assert.Equal(sqlite, Bm25Index.Tokens(text).Count());
    }
}
