using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Tandem.Server;

/// <summary>
/// A user error from the library (<see cref="TandemException"/>: a bad file, a bad access list,
/// a locked store) becomes the CLI's one line as a ProblemDetails <c>detail</c>: 503 when the
/// store is busy or unwritable, 400 otherwise. Anything else is left to the default handler, a
/// 500 without a stack trace.
/// </summary>
internal sealed class TandemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TandemException error)
        {
            return false;
        }

        var status = error.InnerException is SqliteException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Detail = error.ToUserMessage() },
        });
    }
}
