using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// The model file shipped next to the program as a registry entry: every registry registers it as
/// the local champion while it has none, so the first candidate is gated against what 'analyze'
/// actually uses, not against nothing.
/// </summary>
internal static class ShippedModel
{
    /// <summary>The registry id of the shipped model file: its content hash, so a new shipped model is a new entry.</summary>
    public static string Id(string path) => "local-shipped-" + LocalAnalystModel.FileHash(path);

    /// <summary>The champion entry for the shipped model at <paramref name="path"/>; null when there is no readable file there.</summary>
    public static RegisteredModel? Entry(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        LocalAnalystManifest manifest;
        try
        {
            manifest = LocalAnalystModel.LoadManifest(path);
        }
        catch (TandemException)
        {
            return null; // an unreadable shipped file is reported when something loads it, not by every registry call
        }

        var note = $"the shipped model ({manifest.Contracts} contracts, data {manifest.DataHash})"
            + (manifest.GateScores is null ? "; its manifest records no gate scores" : "; gate scores of its recipe trained without the gate contracts");
        return new RegisteredModel(Id(path), LocalFineTuneBackend.BackendName, manifest.Kind, path,
            manifest.DataHash, manifest.TrainedAt, manifest.GateScores, ModelStatus.Champion, null, note) { Audience = [Access.AccessList.Public] };
    }
}
