using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cwf.Tests.Architecture;

/// <summary>One use of a type by another: <paramref name="From"/> (a top-level type of the assembly) refers to <paramref name="To"/>.</summary>
public sealed record TypeReferenceEdge(string From, string FromNamespace, string To, string ToNamespace);

/// <summary>
/// Reads a compiled assembly with Mono.Cecil and lists, for every type it defines, the types it
/// refers to anywhere: base type and interfaces, attributes (with their typeof arguments), generic
/// arguments and constraints, fields, properties, events, method signatures, local variables,
/// exception handlers, and every type, method and field a method body names. Nested and
/// compiler-generated types (lambdas, iterators, async state machines, display classes) count as
/// their outermost declaring type, so a reference written inside a lambda is the enclosing type's.
/// </summary>
public static class TypeReferences
{
    public static IReadOnlyList<TypeReferenceEdge> Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var edges = new HashSet<TypeReferenceEdge>();
        foreach (var type in assembly.MainModule.Types)
        {
            var collector = new Collector();
            var pending = new Stack<TypeDefinition>();
            pending.Push(type);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                collector.Definition(current);
                foreach (var nested in current.NestedTypes) pending.Push(nested);
            }
            foreach (var target in collector.Found)
            {
                var outer = Outermost(target);
                if (outer.FullName == type.FullName) continue;
                edges.Add(new TypeReferenceEdge(type.FullName, type.Namespace, outer.FullName, outer.Namespace));
            }
        }
        return [.. edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>Collects the named types of one definition and its members; iterative over nested types, recursive only over a signature's depth.</summary>
    private sealed class Collector
    {
        public HashSet<TypeReference> Found { get; } = new(TypeReferenceComparer.Instance);

        public void Definition(TypeDefinition type)
        {
            Type(type.BaseType);
            foreach (var i in type.Interfaces)
            {
                Type(i.InterfaceType);
                Attributes(i);
            }
            Attributes(type);
            GenericParameters(type);
            foreach (var field in type.Fields)
            {
                Type(field.FieldType);
                Attributes(field);
            }
            foreach (var property in type.Properties)
            {
                Type(property.PropertyType);
                Attributes(property);
            }
            foreach (var e in type.Events)
            {
                Type(e.EventType);
                Attributes(e);
            }
            foreach (var method in type.Methods) Method(method);
        }

        private void Method(MethodDefinition method)
        {
            Attributes(method);
            GenericParameters(method);
            Type(method.ReturnType);
            Attributes(method.MethodReturnType);
            foreach (var p in method.Parameters)
            {
                Type(p.ParameterType);
                Attributes(p);
            }
            foreach (var o in method.Overrides) MethodReference(o);
            if (!method.HasBody) return;
            foreach (var v in method.Body.Variables) Type(v.VariableType);
            foreach (var handler in method.Body.ExceptionHandlers) Type(handler.CatchType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Type(t); break;
                    case MethodReference m: MethodReference(m); break;
                    case FieldReference f:
                        Type(f.DeclaringType);
                        Type(f.FieldType);
                        break;
                    case CallSite site:
                        Type(site.ReturnType);
                        foreach (var p in site.Parameters) Type(p.ParameterType);
                        break;
                }
            }
        }

        private void MethodReference(MethodReference method)
        {
            Type(method.DeclaringType);
            Type(method.ReturnType);
            foreach (var p in method.Parameters) Type(p.ParameterType);
            if (method is GenericInstanceMethod generic)
                foreach (var argument in generic.GenericArguments) Type(argument);
        }

        private void GenericParameters(IGenericParameterProvider provider)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                Attributes(parameter);
                foreach (var constraint in parameter.Constraints)
                {
                    Type(constraint.ConstraintType);
                    Attributes(constraint);
                }
            }
        }

        private void Attributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes) return;
            foreach (var attribute in provider.CustomAttributes)
            {
                Type(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments) Argument(argument);
                foreach (var named in attribute.Fields.Concat(attribute.Properties)) Argument(named.Argument);
            }
        }

        // typeof(X) arguments, also inside params arrays.
        private void Argument(CustomAttributeArgument argument)
        {
            Type(argument.Type);
            switch (argument.Value)
            {
                case TypeReference t: Type(t); break;
                case CustomAttributeArgument inner: Argument(inner); break;
                case CustomAttributeArgument[] items:
                    foreach (var item in items) Argument(item);
                    break;
            }
        }

        private void Type(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Type(generic.ElementType);
                    foreach (var argument in generic.GenericArguments) Type(argument);
                    return;
                case IModifierType modified:
                    Type(modified.ModifierType);
                    Type(modified.ElementType);
                    return;
                case FunctionPointerType pointer:
                    Type(pointer.ReturnType);
                    foreach (var p in pointer.Parameters) Type(p.ParameterType);
                    return;
                case TypeSpecification specification:
                    // Arrays, by-reference, pointers, pinned and sentinel types: the element type is what is named.
                    Type(specification.ElementType);
                    return;
                default:
                    Found.Add(type);
                    return;
            }
        }
    }

    private sealed class TypeReferenceComparer : IEqualityComparer<TypeReference>
    {
        public static TypeReferenceComparer Instance { get; } = new();
        public bool Equals(TypeReference? x, TypeReference? y) => x?.FullName == y?.FullName;
        public int GetHashCode(TypeReference obj) => obj.FullName.GetHashCode(StringComparison.Ordinal);
    }
}
