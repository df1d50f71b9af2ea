namespace Tandem.Analysis;

/// <summary>Facts about a trained local analyst: what it was trained on, how, and how well it did.</summary>
public sealed record LocalAnalystManifest
{
    public required string Kind { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    public required string DataHash { get; init; }
    public required int Contracts { get; init; }
    public required int Clauses { get; init; }
    public required int FeatureCount { get; init; }
    public required string Trainer { get; init; }
    public required IReadOnlyDictionary<string, double> HeldOutAveragePrecision { get; init; }
    public required double HeldOutMacroAveragePrecision { get; init; }
    public required double HeldOutCalibrationError { get; init; }
    public double HeldOutConfidentCalibrationError { get; init; }

    /// <summary>
    /// Scores on the learning loop's held-out gate set, when recorded: registering the model
    /// (the shipped one becomes the first champion) carries them over, so a candidate has to beat
    /// them. The shipped model was trained on every contract, the gate set included, so its own
    /// gate scores would be in-sample; it records those of its recipe trained on the non-gate
    /// contracts alone (what 'tandem retrain local --no-corrections' trains and scores).
    /// </summary>
    public Learning.GateScores? GateScores { get; init; }

    /// <summary>
    /// The least probability of the review weights (<see cref="LocalAnalystModel.ReviewCategories"/>)
    /// at which the review takes a clause as the model's find, beside the CUAD weights above their
    /// category thresholds (null: <see cref="DefaultReviewThreshold"/>). The review weights learned
    /// the keyed clauses' style and are sure of what they learned; below this level a clause is
    /// reported only when the playbook's words find it and judge it a deviation.
    /// </summary>
    public float? ReviewThreshold { get; init; }

    /// <summary>
    /// Chosen on review-dev34 to review-dev39 with review weights that had not seen them (docs/quality.md, issue 12):
    /// 0.65 found two more keyed risks and 23 more unexpected highs over all keyed sets, 0.9 three fewer risks.
    /// </summary>
    public const float DefaultReviewThreshold = 0.8f;

    /// <summary>
    /// The least probability of the side-aware risk weights (<see cref="LocalAnalystModel.SideCategories"/>) at which the
    /// review takes a clause as the model's find (null: <see cref="DefaultSideThreshold"/>).
    /// </summary>
    public float? SideThreshold { get; init; }

    /// <summary>
    /// Set before measuring, as the plain probability midpoint, and kept: with weights that had not seen review-dev200 to
    /// review-dev231, under the playbook as it was before those sets, 0.5 found 58 more of their 1,591 keyed risks for one
    /// more unexpected high (docs/quality.md, issue 12).
    /// </summary>
    public const float DefaultSideThreshold = 0.5f;

    /// <summary>
    /// The least probability of the severity weights (<see cref="LocalAnalystModel.SeverityCategories"/>) at which the
    /// review raises a finding below high to high (null: <see cref="DefaultSeverityThreshold"/>).
    /// </summary>
    public float? SeverityThreshold { get; init; }

    /// <summary>
    /// Chosen on review-dev200 to review-dev239 with weights trained on the keys up to review-dev199 and the playbook as it
    /// was before those sets (docs/quality.md, issue 12): 0.7 found 20 more of their 1,995 keyed risks with no unexpected
    /// high added; 0.6 27 for one, 0.5 29 for two.
    /// </summary>
    public const float DefaultSeverityThreshold = 0.7f;

    /// <summary>
    /// The least probability of the critical weights (<see cref="LocalAnalystModel.CriticalCategories"/>) at which the
    /// review raises a finding at high to critical (null: <see cref="DefaultCriticalThreshold"/>).
    /// </summary>
    public float? CriticalThreshold { get; init; }

    /// <summary>Chosen like <see cref="DefaultSeverityThreshold"/> (docs/quality.md, issue 12).</summary>
    public const float DefaultCriticalThreshold = 0.7f;

    public string Attribution { get; init; } = "Trained on CUAD v1 (The Atticus Project), CC BY 4.0.";
}
