/** Access: may this viewer watch this movie now. The hot path, called on every "play". */
package org.cinema.billing.entitlement;
