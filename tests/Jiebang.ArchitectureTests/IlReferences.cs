using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// The types a compiled method body names (calls, constructions, field reads, typeof, casts), with the source line from the
/// assembly's portable PDB. A call such as <c>SomeSlice.Endpoint.Decide(...)</c> shows up here whatever the source looked like.
/// </summary>
internal static class IlReferences
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static IlReferences()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (value < 0x100)
            {
                OneByte[value] = op;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByte[value & 0xff] = op;
            }
        }
    }

    public sealed record Reference(Type From, MethodBase Method, Type To, string Location, string? Member = null);

    public static IEnumerable<Reference> Of(Assembly assembly)
    {
        using var pdb = Pdb.Open(assembly);
        foreach (var type in assembly.GetTypes())
        {
            var signatureTypes = new List<Type>();
            if (type.BaseType is { } baseType)
            {
                signatureTypes.Add(baseType);
            }
            signatureTypes.AddRange(type.GetInterfaces());
            signatureTypes.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
            signatureTypes.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
            var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)).ToList();
            var first = methods.Select(m => pdb.Locate(m, 0)).FirstOrDefault(l => l is not null) ?? type.FullName!;
            foreach (var method in methods)
            {
                if (method is MethodInfo info)
                {
                    signatureTypes.Add(info.ReturnType);
                }
                signatureTypes.AddRange(method.GetParameters().Select(p => p.ParameterType));
            }
            foreach (var referenced in signatureTypes.SelectMany(Flatten))
            {
                yield return new Reference(type, methods.FirstOrDefault()!, referenced, first);
            }
            foreach (var method in methods)
            {
                foreach (var (offset, member) in Members(method))
                {
                    foreach (var referenced in TypesOf(member).SelectMany(Flatten))
                    {
                        yield return new Reference(type, method, referenced, pdb.Locate(method, offset) ?? $"{type.FullName}.{method.Name}",
                            member is Type || member.DeclaringType != referenced ? null : member.Name);
                    }
                }
            }
        }
    }

    /// <summary>Every member a method body of the assembly names (the method called, the field read, the type tested).</summary>
    public static IEnumerable<(MethodBase Method, MemberInfo Member, string Location)> Uses(Assembly assembly)
    {
        using var pdb = Pdb.Open(assembly);
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                foreach (var (offset, member) in Members(method))
                {
                    yield return (method, member, pdb.Locate(method, offset) ?? $"{type.FullName}.{method.Name}");
                }
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        if (member is Type type)
        {
            yield return type;
            yield break;
        }
        if (member.DeclaringType is { } declaring)
        {
            yield return declaring;
        }
        if (member is MethodInfo { IsGenericMethod: true } generic)
        {
            foreach (var argument in generic.GetGenericArguments())
            {
                yield return argument;
            }
        }
        if (member is FieldInfo field)
        {
            yield return field.FieldType;
        }
    }

    /// <summary>The type and everything it is built from: element types and generic arguments.</summary>
    public static IEnumerable<Type> Flatten(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
            yield break;
        }
        yield return type;
        if (type.IsConstructedGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<(int Offset, MemberInfo Member)> Members(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var offset = position;
            var code = il[position++];
            var op = code == 0xfe ? TwoByte[il[position++]] : OneByte[code];
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException)
                    {
                        member = null;
                    }
                    if (member is not null)
                    {
                        yield return (offset, member);
                    }
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }

    /// <summary>Sequence points of the assembly's portable PDB: IL offset to file and line.</summary>
    private sealed class Pdb : IDisposable
    {
        private readonly MetadataReaderProvider? provider;
        private readonly MetadataReader? reader;

        private Pdb(MetadataReaderProvider? provider)
        {
            this.provider = provider;
            reader = provider?.GetMetadataReader();
        }

        public static Pdb Open(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".pdb");
            return new Pdb(File.Exists(path) ? MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(path)) : null);
        }

        public string? Locate(MethodBase method, int offset)
        {
            if (reader is null)
            {
                return null;
            }
            var handle = MetadataTokens.MethodDefinitionHandle(method.MetadataToken);
            SequencePoint? found = null;
            foreach (var point in reader.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints())
            {
                if (point.IsHidden)
                {
                    continue;
                }
                if (point.Offset > offset && found is not null)
                {
                    break;
                }
                found = point;
            }
            if (found is not { } sequencePoint)
            {
                return null;
            }
            var file = reader.GetString(reader.GetDocument(sequencePoint.Document).Name);
            return SourceTree.At(file, sequencePoint.StartLine);
        }

        public void Dispose() => provider?.Dispose();
    }
}
