package org.originlive.i18n;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.originlive.common.OwnsTables;

@ApplicationScoped
@OwnsTables("cooperative_translation")
public class CooperativeTranslationRepository
        implements PanacheRepositoryBase<CooperativeTranslationRow, TranslationKey> {}
