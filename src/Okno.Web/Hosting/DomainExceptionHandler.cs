using Microsoft.AspNetCore.Diagnostics;
using Okno.Core;

namespace Okno.Web.Hosting;

/// <summary>Turns the domain's refusals into ProblemDetails with the reason in plain words.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            DomainException => (StatusCodes.Status422UnprocessableEntity, "Действие невозможно"),
            NotFoundException => (StatusCodes.Status404NotFound, "Не найдено"),
            BadHttpRequestException bad => (bad.StatusCode, "Неверный запрос"),
            _ => (0, ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
