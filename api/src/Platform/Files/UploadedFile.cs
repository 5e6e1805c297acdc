using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Jiebang.Platform.Files;

/// <summary>Reads the one file of a multipart upload (field <c>file</c>) within a size limit, for every module's attachments.</summary>
public static class UploadedFile
{
    /// <summary>Room for the multipart framing around the file itself.</summary>
    private const long FormOverhead = 64 * 1024;

    public static IResult TooLarge(long maxBytes) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "attachment.too_large", "Attachment too large",
        $"附件不能超过 {maxBytes} 字节 / An attachment may have at most {maxBytes} bytes");

    /// <summary>The file, or the problem to answer with (400 malformed or not exactly one non-empty file, 413 too large).</summary>
    public static async Task<(IFormFile? File, IResult? Problem)> ReadSingleAsync(HttpContext context, long maxBytes, CancellationToken ct)
    {
        var limit = maxBytes + FormOverhead;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        if (!context.Request.HasFormContentType)
        {
            return (null, Problems.Validation("file", "须以 multipart/form-data 上传文件", "Send the file as multipart/form-data"));
        }
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (IOException)
        {
            // A boundary that never appears reads as the stream ending early.
            return (null, Problems.Validation("file", "multipart/form-data 格式错误", "The multipart/form-data body is malformed"));
        }
        catch (InvalidDataException ex)
        {
            return (null, ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) || context.Request.ContentLength > limit
                ? TooLarge(maxBytes)
                : Problems.Validation("file", "multipart/form-data 格式错误", "The multipart/form-data body is malformed"));
        }
        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
        {
            return (null, Problems.Validation("file", "须在 file 字段上传且只上传一个文件", "Send exactly one file in the field 'file'"));
        }
        if (files[0].Length == 0)
        {
            return (null, Problems.Validation("file", "文件为空", "The file is empty"));
        }
        return files[0].Length > maxBytes ? (null, TooLarge(maxBytes)) : (files[0], null);
    }
}
