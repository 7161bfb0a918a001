/**
 * Fuzz of `POST /deployments` over real HTTP, half 1 of 2 (issue 14, "Fuzz": 1,000 generated
 * uploads in all; what each one is and what is checked: fuzz/deployments.ts).
 */
import { deploymentFuzz } from './fuzz/deployments.js';

deploymentFuzz(1);
