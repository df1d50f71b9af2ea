using Tandem.Retrieval;

namespace Tandem.Tests.Evaluation;

public sealed class LsaEmbeddingGeneratorTests
{
    [Fact]
    public void JacobiEigen_SymmetricMatrix_ReconstructsItself()
    {
        double[,] m = { { 4, 1, 2 }, { 1, 3, 0 }, { 2, 0, 5 } };

        var (values, vectors) = RandomizedSvd.JacobiEigen(m);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = Enumerable.Range(0, 3).Sum(k => vectors[i, k] * values[k] * vectors[j, k]);
                Assert.Equal(m[i, j], sum, 9);
            }
        }

        Assert.Equal(12, values.Sum(), 9);
    }

    [Fact]
    public async Task Generate_CoOccurringTerms_LandCloserThanUnrelatedOnes()
    {
        string[] corpus =
        [
            "licensor grants licensee a license to the software", "the license to the software is non-exclusive",
            "licensee may sublicense the software license", "the software license is perpetual",
            "supplier delivers goods to the buyer", "buyer pays the supplier for the goods",
            "goods are delivered by supplier to buyer warehouse", "supplier invoices buyer for delivered goods",
        ];
        using var generator = LsaEmbeddingGenerator.Train(corpus, dimensions: 2);

        // Terms in at least two documents (the vocabulary drops rarer ones).
        var embeddings = await generator.GenerateAsync(["licensee", "software", "buyer"]);

        static float Dot(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) => a.Span.ToArray().Zip(b.Span.ToArray()).Sum(p => p.First * p.Second);
        Assert.Equal(2, embeddings[0].Vector.Length);
        Assert.True(Dot(embeddings[0].Vector, embeddings[1].Vector) > Dot(embeddings[0].Vector, embeddings[2].Vector));
        Assert.Equal(generator.Embed("licensee"), LsaEmbeddingGenerator.Train(corpus, dimensions: 2).Embed("licensee"));
        Assert.All(generator.Embed("sublicense"), x => Assert.Equal(0f, x));
    }
}
