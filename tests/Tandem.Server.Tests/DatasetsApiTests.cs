using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;

namespace Tandem.Server.Tests;

/// <summary>
/// Building, reading and downloading datasets as their builder (alice, in legal), a stranger (bob)
/// and an admin: the access guard keeps the legal group's example out of a public dataset and out
/// of what bob is shown; someone else's dataset is a 404 like a missing one.
/// </summary>
public sealed class DatasetsApiTests : ServerTest
{
    [Fact]
    public async Task Build_PublicAudience_201WithCountsAndStructuredExclusions()
    {
        await LearningData.SeedAsync(Factory);

        using var response = await Bob.PostAsJsonAsync("/api/datasets", new DatasetRequest());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var dataset = JsonDocument.Parse(text).RootElement;
        var id = dataset.GetProperty("id").GetString()!;
        Assert.Equal($"/api/datasets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(12, dataset.GetProperty("train").GetInt32() + dataset.GetProperty("validation").GetInt32());
        Assert.Equal("openai-chat", dataset.GetProperty("format").GetString());
        var exclusions = dataset.GetProperty("exclusions").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
        Assert.Equal(1, exclusions["access-guard"].GetProperty("count").GetInt32());
        Assert.Empty(exclusions["access-guard"].GetProperty("ids").EnumerateArray());
        Assert.Equal(["ex_pending"], exclusions["not-reviewed"].GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.DoesNotContain("ex_legal", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LearningData.LegalSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ByAGroupMember_NamesTheGroupsExcludedExample()
    {
        await LearningData.SeedAsync(Factory);

        var dataset = await (await Alice.PostAsJsonAsync("/api/datasets", new DatasetRequest(RetrievalAware: true, Distractors: 2))).Content.ReadFromJsonAsync<JsonElement>();

        var guard = dataset.GetProperty("exclusions").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "access-guard");
        Assert.Equal(["ex_legal"], guard.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("the audience may not read its sources", guard.GetProperty("exampleReason").GetString());
        Assert.True(dataset.GetProperty("retrievalAware").GetBoolean());
    }

    [Fact]
    public async Task Download_BothSplits_JsonLinesWithoutTheGuardedText()
    {
        await LearningData.SeedAsync(Factory);
        var dataset = await (await Alice.PostAsJsonAsync("/api/datasets", new DatasetRequest())).Content.ReadFromJsonAsync<JsonElement>();

        using var train = await Alice.GetAsync(dataset.GetProperty("trainUrl").GetString());
        using var validation = await Alice.GetAsync(dataset.GetProperty("validationUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, train.StatusCode);
        Assert.Equal("application/jsonl", train.Content.Headers.ContentType?.MediaType);
        var lines = (await train.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(dataset.GetProperty("train").GetInt32(), lines.Length);
        Assert.All(lines, line => Assert.Equal(3, JsonDocument.Parse(line).RootElement.GetProperty("messages").GetArrayLength()));
        var validationLines = (await validation.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(dataset.GetProperty("validation").GetInt32(), validationLines.Length);
        Assert.DoesNotContain(LearningData.LegalSecret, string.Concat(lines) + string.Concat(validationLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersDataset_404LikeAMissingOne_AdminSeesIt()
    {
        await LearningData.SeedAsync(Factory);
        var id = (await (await Alice.PostAsJsonAsync("/api/datasets", new DatasetRequest())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var forBob = await ProblemAssert.AssertAsync(await Bob.GetAsync($"/api/datasets/{id}"), HttpStatusCode.NotFound, DatasetsApi.NotFoundDetail);
        var missing = await ProblemAssert.AssertAsync(await Bob.GetAsync("/api/datasets/ds_0123456789abcdef"), HttpStatusCode.NotFound, DatasetsApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Bob.GetAsync($"/api/datasets/{id}/download?split=train"), HttpStatusCode.NotFound, DatasetsApi.NotFoundDetail);

        Assert.Equal(missing.GetProperty("detail").GetString(), forBob.GetProperty("detail").GetString());
        Assert.DoesNotContain(id, forBob.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/datasets/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"format\":\"csv\"}", "unknown dataset format 'csv'; use openai-chat, bedrock or hf-messages")]
    [InlineData("{\"audience\":\"group:legal\"}", "you (bob) may only name an audience you belong to: 'group:legal' is not yours")]
    [InlineData("{\"audience\":\"group:\"}", "invalid audience entry 'group:'")]
    [InlineData("{\"split\":1.5}", "--split must be in (0, 1]")]
    public async Task Build_BadRequest_400WithTheLibrarysLine(string body, string detail)
    {
        await LearningData.SeedAsync(Factory);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.AssertAsync(await Bob.PostAsync("/api/datasets", content), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Build_TooFewExamples_400AndNothingKept()
    {
        await LearningData.SeedAsync(Factory, publicCount: 3);

        var problem = await ProblemAssert.AssertAsync(await Bob.PostAsJsonAsync("/api/datasets", new DatasetRequest()), HttpStatusCode.BadRequest,
            "the dataset does not pass validation (3 valid examples; at least 10 are required); nothing was kept (left out: ");
        Assert.Contains("1 (not reviewed)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 (access guard)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetDirectoryName(Factory.DatabasePath)!, "datasets");
        Assert.True(!Directory.Exists(folder) || Directory.GetFileSystemEntries(folder).Length == 0);
    }

    [Fact]
    public async Task Download_UnknownSplit_400()
    {
        await ProblemAssert.AssertAsync(await Alice.GetAsync("/api/datasets/ds_0123456789abcdef/download?split=test"), HttpStatusCode.BadRequest,
            "unknown split 'test'; use split=train or split=validation");
    }

    [Fact]
    public async Task NoKey_401()
    {
        using var anonymous = Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/datasets", new DatasetRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/datasets/ds_0123456789abcdef")).StatusCode);
    }
}
