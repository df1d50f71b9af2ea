namespace Tandem.Web.Costs;

/// <summary>One input of the ROI calculator's form.</summary>
/// <param name="Key">The scenario key, dotted (e.g. <c>before.prompt_tokens</c>), also the form field's name.</param>
/// <param name="Label">What the field asks for.</param>
/// <param name="IsText">True for a model name; false for a number.</param>
/// <param name="Default">The value offered before anything is posted (blank: none).</param>
public sealed record RoiField(string Key, string Label, bool IsText, string Default)
{
    /// <summary>The element id (dots are awkward in CSS selectors).</summary>
    public string Id => "roi-" + Key.Replace('.', '-');
}
