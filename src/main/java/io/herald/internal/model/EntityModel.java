package io.herald.internal.model;

import io.herald.internal.HeraldMessages;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one entity class is read for broadcasting: its entity name, its identifier and its basic attributes, found from
 * its JPA annotations (by name: the JPA API need not be on the class path to load this class). The attributes are
 * JPA's access type's: fields when {@code @Id} is on a field, getters when it is on a getter. Associations, element
 * collections, {@code @Transient} members and lazily fetched basic attributes are left out, so reading the model never
 * loads anything or follows a cycle.
 *
 * <pre>{@code
 * EntityModel model = EntityModel.of(order.getClass());
 * model.name();                 // "Order"
 * model.identifier(order);      // 42L
 * model.attributes(order);      // {"id":42,"status":"shipped","total":99.50}
 * }</pre>
 */
public final class EntityModel {
    private static final String JPA = "jakarta.persistence.";
    private static final Set<String> NOT_BASIC = Set.of(JPA + "Transient", JPA + "OneToOne", JPA + "OneToMany",
            JPA + "ManyToOne", JPA + "ManyToMany", JPA + "ElementCollection");
    private static final Set<String> IDENTIFIER = Set.of(JPA + "Id", JPA + "EmbeddedId");

    private static final ClassValue<Optional<EntityModel>> MODELS = new ClassValue<>() {
        @Override
        protected Optional<EntityModel> computeValue(Class<?> type) {
            return entityClass(type).map(EntityModel::read);
        }
    };

    private final Class<?> type;
    private final String name;
    private final Attribute identifier;
    private final List<Attribute> attributes;

    private EntityModel(Class<?> type, String name, Attribute identifier, List<Attribute> attributes) {
        this.type = type;
        this.name = name;
        this.identifier = identifier;
        this.attributes = attributes;
    }

    /**
     * The model of an entity class, or of the entity class a persistence provider's proxy class extends.
     *
     * @throws IllegalArgumentException when neither it nor a superclass is an {@code @Entity} with an identifier
     */
    public static EntityModel of(Class<?> type) {
        return find(type).orElseThrow(() -> HeraldMessages.notAnEntity(type.getName()));
    }

    /** The model, when {@code type} (or a superclass) is an {@code @Entity} with an identifier. */
    public static Optional<EntityModel> find(Class<?> type) {
        return MODELS.get(type);
    }

    /** The entity name: {@code @Entity(name)}, else the class's simple name. */
    public String name() {
        return name;
    }

    /** The identifier attribute's name ({@code id}). */
    public String identifierName() {
        return identifier.name();
    }

    /** The entity's identifier, or empty while it has none (before an identity column has given it one). */
    public Optional<Object> identifier(Object entity) {
        Object id = identifier.read(entity);
        if (id == null) {
            id = identifier.readThroughGetter(entity);   // a provider's proxy answers its id's getter unloaded
        }
        return Optional.ofNullable(id);
    }

    /** The identifier and every basic attribute, in declaration order (superclasses first). */
    public Map<String, Object> attributes(Object entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            Object value = attribute.read(entity);
            values.put(attribute.name(), attribute.embedded() && value != null ? embedded(value) : value);
        }
        return values;
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " as " + name + "]";
    }

    // An embeddable's basic fields, by the same rules.
    private static Map<String, Object> embedded(Object value) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields(value.getClass())) {
            if (isBasic(field)) {
                values.put(field.getName(), Attribute.of(field, field.getName(), false).read(value));
            }
        }
        return values;
    }

    private static Optional<Class<?>> entityClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (annotation(c, JPA + "Entity").isPresent()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static EntityModel read(Class<?> type) {
        List<Class<?>> hierarchy = mappedHierarchy(type);
        List<Field> fields = hierarchy.stream().flatMap(c -> Arrays.stream(c.getDeclaredFields())).toList();
        Optional<Field> idField = fields.stream().filter(EntityModel::isIdentifier).findFirst();
        List<Attribute> attributes = new ArrayList<>();
        Attribute identifier;
        if (idField.isPresent()) {
            identifier = Attribute.of(idField.get(), idField.get().getName(), false);
            for (Field field : fields) {
                if (isBasic(field)) {
                    attributes.add(Attribute.of(field, field.getName(), isEmbedded(field, field.getType())));
                }
            }
        } else {
            // Reflection lists methods in no fixed order: the fields' order where a field backs the property.
            List<String> fieldOrder = fields.stream().map(Field::getName).toList();
            List<Method> getters = hierarchy.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                    .filter(EntityModel::isGetter)
                    .sorted(Comparator.<Method>comparingInt(getter -> {
                        int at = fieldOrder.indexOf(property(getter));
                        return at < 0 ? Integer.MAX_VALUE : at;
                    }).thenComparing(EntityModel::property)).toList();
            Method idGetter = getters.stream().filter(EntityModel::isIdentifier).findFirst()
                    .orElseThrow(() -> HeraldMessages.notAnEntity(type.getName()));
            identifier = Attribute.of(idGetter, property(idGetter), false);
            for (Method getter : getters) {
                if (isBasic(getter)) {
                    attributes.add(Attribute.of(getter, property(getter), isEmbedded(getter, getter.getReturnType())));
                }
            }
        }
        String name = annotation(type, JPA + "Entity").map(entity -> (String) value(entity, "name"))
                .filter(given -> !given.isEmpty()).orElse(type.getSimpleName());
        return new EntityModel(type, name, identifier, List.copyOf(attributes));
    }

    // The entity and the entities and mapped superclasses it extends, the topmost first.
    private static List<Class<?>> mappedHierarchy(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (annotation(c, JPA + "Entity").isPresent() || annotation(c, JPA + "MappedSuperclass").isPresent()) {
                hierarchy.add(0, c);
            }
        }
        return hierarchy;
    }

    private static List<Field> fields(Class<?> type) {
        return Arrays.asList(type.getDeclaredFields());
    }

    private static boolean isIdentifier(AccessibleObject member) {
        return names(member).stream().anyMatch(IDENTIFIER::contains);
    }

    private static boolean isBasic(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                && !isProvidersOwn(field.getName()) && isBasic((AccessibleObject) field);
    }

    // Fields a persistence provider weaves into entity classes (EclipseLink's _persistence_*, Hibernate's $$_hibernate_*).
    private static boolean isProvidersOwn(String field) {
        return field.startsWith("_persistence_") || field.startsWith("$$_");
    }

    private static boolean isBasic(AccessibleObject member) {
        List<String> names = names(member);
        if (names.stream().anyMatch(NOT_BASIC::contains)) {
            return false;
        }
        // A basic attribute fetched lazily would be loaded by reading it.
        return annotation(member, JPA + "Basic").map(basic -> !"LAZY".equals(String.valueOf(value(basic, "fetch"))))
                .orElse(true);
    }

    private static boolean isEmbedded(AccessibleObject member, Class<?> type) {
        return annotation(member, JPA + "Embedded").isPresent() || annotation(member, JPA + "EmbeddedId").isPresent()
                || annotation(type, JPA + "Embeddable").isPresent();
    }

    private static boolean isGetter(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
                && method.getReturnType() != void.class
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2);
    }

    private static String property(Method getter) {
        String rest = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static List<String> names(AccessibleObject member) {
        return Arrays.stream(member.getAnnotations()).map(a -> a.annotationType().getName()).toList();
    }

    private static Optional<Annotation> annotation(AnnotatedElement element, String name) {
        return Arrays.stream(element.getAnnotations()).filter(a -> a.annotationType().getName().equals(name))
                .findFirst();
    }

    private static Object value(Annotation annotation, String element) {
        try {
            return annotation.annotationType().getMethod(element).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One attribute: a field or a getter, and the name it has in the model. */
    private record Attribute(AccessibleObject member, String name, boolean embedded) {

        static Attribute of(AccessibleObject member, String name, boolean embedded) {
            member.trySetAccessible();
            return new Attribute(member, name, embedded);
        }

        Object read(Object target) {
            try {
                return member instanceof Field field ? field.get(target) : ((Method) member).invoke(target);
            } catch (IllegalAccessException e) {
                throw HeraldMessages.unreadableAttribute(name, ((Member) member).getDeclaringClass().getName(), e);
            } catch (InvocationTargetException e) {
                throw HeraldMessages.unreadableAttribute(name, ((Member) member).getDeclaringClass().getName(),
                        e.getCause());
            }
        }

        // For a field identifier that reads null on a proxy: its getter, when the class has one.
        Object readThroughGetter(Object target) {
            if (!(member instanceof Field field)) {
                return null;
            }
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            try {
                Method getter = field.getDeclaringClass().getDeclaredMethod("get" + suffix);
                getter.trySetAccessible();
                return getter.invoke(target);
            } catch (NoSuchMethodException noGetter) {
                return null;
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw HeraldMessages.unreadableAttribute(name, field.getDeclaringClass().getName(), e);
            }
        }
    }
}
