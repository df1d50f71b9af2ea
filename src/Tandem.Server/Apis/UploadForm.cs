using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Server.Limits;

namespace Tandem.Server.Apis;

/// <summary>Reads a multipart upload, turning each way it can go wrong into the one ProblemDetails answer for it.</summary>
internal static class UploadForm
{
    /// <summary>The form, or the problem: 415 when the body is not multipart, 413 past the size limit, 400 when it cannot be read.</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, RequestSizeLimit limit, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem("send the files as multipart/form-data, one part per file", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(ServerLimits.TooLarge(limit.Bytes), statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(ServerLimits.TooLarge(limit.Bytes), statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, TypedResults.Problem("the multipart body could not be read; send well-formed multipart/form-data", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The review options a form carries beside its files (fields for, type, includeInfo, model, strategy, playbook), as a review's JSON body does.</summary>
    public static ReviewBody ReviewOptions(IFormCollection form) =>
        new(null, form["for"], form["type"], bool.TryParse(form["includeInfo"], out var info) ? info : null, form["model"], form["strategy"], form["playbook"]);

    /// <summary>The form's access list field ('alice,group:legal'), or null when it has none.</summary>
    public static Access.AccessList? Access(IFormCollection form) =>
        form["access"].Count > 0 ? Tandem.Access.AccessList.Parse(string.Join(',', form["access"].Select(a => a ?? string.Empty))) : null;
}
