package org.originlive.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/** An operation's stable id and who may call it: the bearer scheme, the roles in the description. */
final class OperationAccess {

    static final String SCHEME = "bearer";

    private OperationAccess() {}

    /** Who may call the operation, after its id and security have been set. */
    record Access(boolean secured, List<String> roles) {}

    static Access complete(String path, Operation op, Set<String> ids) {
        op.setOperationId(operationId(op.getOperationId()));
        if (op.getOperationId() != null && !ids.add(op.getOperationId())) {
            throw new IllegalStateException("Duplicate operationId " + op.getOperationId() + " at " + path);
        }
        List<String> roles = new ArrayList<>();
        boolean secured = secure(op, roles);
        String access = !secured
                ? "Public: no token needed."
                : roles.isEmpty() ? "Any signed-in account." : "Roles: " + String.join(", ", roles) + ".";
        op.setDescription(op.getDescription() == null ? access : op.getDescription() + "\n\n" + access);
        return new Access(secured, roles);
    }

    /** {@code SaleResource_create} (the CLASS_METHOD strategy) becomes {@code saleCreate}. */
    static String operationId(String generated) {
        if (generated == null) {
            return null;
        }
        int separator = generated.indexOf('_');
        if (separator < 0) {
            return generated;
        }
        String type = generated.substring(0, separator).replaceFirst("Resource$", "");
        String method = generated.substring(separator + 1);
        return Character.toLowerCase(type.charAt(0))
                + type.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    /** Moves the roles out of the requirement (bearer scopes must be empty) into {@code roles}. */
    private static boolean secure(Operation op, List<String> roles) {
        List<SecurityRequirement> security = op.getSecurity();
        if (security == null || security.isEmpty()) {
            op.setSecurity(new ArrayList<>());
            return false;
        }
        for (SecurityRequirement requirement : security) {
            requirement.getSchemes().values().forEach(roles::addAll);
        }
        op.setSecurity(
                new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        return true;
    }
}
