namespace Tandem.Server.OpenAi;

/// <summary>A request the /v1 endpoints refuse, answered in OpenAI's error shape with its HTTP status.</summary>
public sealed class OpenAiException(int status, string message, string type = OpenAiException.InvalidRequest, string? param = null, string? code = null) : Exception(message)
{
    /// <summary>OpenAI's type for a bad request.</summary>
    public const string InvalidRequest = "invalid_request_error";

    public int Status { get; } = status;

    public string Type { get; } = type;

    public string? Param { get; } = param;

    public string? Code { get; } = code;

    /// <summary>The error body.</summary>
    public OpenAiWire.ErrorResponse Body => new(new OpenAiWire.ErrorBody(Message, Type, Param, Code));

    /// <summary>The answer to a model id nobody serves.</summary>
    public static OpenAiException ModelNotFound(string model, string hint) =>
        new(StatusCodes.Status404NotFound, $"The model '{model}' does not exist; {hint}", InvalidRequest, "model", "model_not_found");

    /// <summary>The OpenAI error for a status code the pipeline set with no body (401, 403, 404, 405, 413, 415 ...).</summary>
    public static OpenAiException ForStatus(int status) => status switch
    {
        401 => new(status, "You did not provide a valid API key; send it as 'Authorization: Bearer <key>'", "authentication_error", null, "invalid_api_key"),
        403 => new(status, "Your key may not do this", "permission_error"),
        404 => new(status, "Unknown path; the OpenAI-compatible endpoints are /v1/models, /v1/chat/completions and /v1/embeddings", InvalidRequest, null, "unknown_url"),
        405 => new(status, "Method not allowed on this path", InvalidRequest),
        413 => new(status, "The request body is too large", InvalidRequest),
        415 => new(status, "Send the body as application/json", InvalidRequest),
        _ => new(status, $"The request failed with HTTP {status}", status >= 500 ? "server_error" : InvalidRequest),
    };
}
