using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Idempotency;

/// <summary>
/// An operation that honours Idempotency-Key refuses an unusable key (<see cref="IdempotencyStore.KeyOf"/>) before its
/// endpoint reads anything, as it refuses a malformed body: whatever state the resource is in, the answer is the 400.
/// </summary>
public static class IdempotencyKeys
{
    public static async Task RefuseUnusable(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is not null)
        {
            IdempotencyStore.KeyOf(context.Request, out var problem);
            if (problem is not null)
            {
                await problem.ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
