using FastEndpoints;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;

namespace Jiebang.Applications.Features.UpdateApplication;

/// <summary>The whole working copy, replacing what was there; submitted versions stay as they were.</summary>
internal sealed class Request : ApplicationContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ContentRules());
}
