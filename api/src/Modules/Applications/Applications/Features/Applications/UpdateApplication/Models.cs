using FastEndpoints;
using Jiebang.Applications.Domain;

namespace Jiebang.Applications.Features.Applications.UpdateApplication;

/// <summary>The whole working copy, replacing what was there; submitted versions stay as they were.</summary>
internal sealed class Request : ApplicationContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ContentRules());
}
